using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Storage.Repositories;

/// <summary>A case (null when there is none), its pending projection markers, and its clock outcomes, as read together.</summary>
public sealed record ProjectionSource(StoredCase? Case, IReadOnlyList<ProjectionMarker> Markers, IReadOnlyList<SlaOutcome> Outcomes);

/// <summary>A pending projection of the case for one team's queue partition, with the ETag it was read with.</summary>
public sealed record ProjectionMarker(string Team, string ETag);
