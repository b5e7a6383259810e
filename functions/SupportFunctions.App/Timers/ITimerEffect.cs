using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Timers;

/// <summary>
/// What happens when a timer of one kind fires. Called only for the current, armed token; the effect must commit its
/// change together with the timer row marked fired (or re-armed), so a second delivery finds nothing to do.
/// </summary>
public interface ITimerEffect
{
    string Kind { get; }

    Task FireAsync(TimerMessage timer, CancellationToken cancellationToken);
}
