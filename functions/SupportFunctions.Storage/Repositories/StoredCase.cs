using SupportFunctions.Domain.Cases;

namespace SupportFunctions.Storage.Repositories;

/// <summary>A case as read, with the ETag a change must match.</summary>
public sealed record StoredCase(SupportCase Case, string ETag);
