namespace SupportFunctions.App.Reconcilers;

/// <summary>
/// A periodic check that re-sends the queue message of work whose message was lost (a durable timer, an outbox intent).
/// All of them run on the reconcile schedule: the <c>ReconcileTimers</c> trigger under Functions, a hosted loop standalone.
/// </summary>
public interface IReconciler
{
    string Name { get; }

    /// <summary>How many messages it sent again.</summary>
    Task<int> ReconcileAsync(CancellationToken cancellationToken);
}
