namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// The current timer of one kind for a subject. A delivered timer message acts only if it carries this
/// <see cref="Token"/> and the timer is still armed: rescheduling or cancelling is writing a new token.
/// </summary>
public sealed record TimerRecord(string Kind, string Token, DateTimeOffset DueAt, TimerState State);
