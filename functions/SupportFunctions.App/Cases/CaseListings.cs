using SupportFunctions.App.AgentQueues;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Cases;

/// <summary>
/// Every list a new case appears in: the submitters' lists (written before the case, so it is never missing from
/// them; taken back when the case is not created) and the agents' queue and SLA report (projected once it is).
/// </summary>
public sealed class CaseListings(CaseIndexRepository index, CaseProjection projection)
{
    public Task BeforeCreateAsync(SupportCase c, CancellationToken cancellationToken) => index.AddAsync(c, cancellationToken);

    public Task NotCreatedAsync(SupportCase c, CancellationToken cancellationToken) => index.RemoveAsync(c, cancellationToken);

    public Task CreatedAsync(SupportCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        return projection.ProjectAsync(c.Number, cancellationToken);
    }
}
