namespace SupportFunctions.Domain.Cases;

/// <summary>
/// Collects one change to a case: the new state, one audit event per step (each a new version), and the notification
/// intents it causes (ids derived from case and version, so re-applying the same change cannot notify twice).
/// </summary>
public sealed class CaseChangeBuilder(SupportCase current, DateTimeOffset at, string actor)
{
    private readonly List<CaseEvent> _events = [];
    private readonly List<NotificationIntent> _intents = [];

    public SupportCase Case { get; private set; } = current;

    public DateTimeOffset At => at;

    public bool HasEvents => _events.Count > 0;

    public IReadOnlyList<CaseEvent> Events => _events;

    public IReadOnlyList<NotificationIntent> Intents => _intents;

    public CaseChangeBuilder Update(Func<SupportCase, SupportCase> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Case = change(Case);
        return this;
    }

    public CaseChangeBuilder Record(string type, IReadOnlyDictionary<string, string>? data = null, EventVisibility visibility = EventVisibility.Public)
    {
        Case = Case with { Version = Case.Version + 1, UpdatedAt = at };
        _events.Add(new CaseEvent { CaseNumber = Case.Number, Sequence = Case.Version, At = at, Actor = actor, Type = type, Visibility = visibility, Data = data ?? new Dictionary<string, string>() });
        return this;
    }

    public CaseChangeBuilder Notify(string kind, IReadOnlyList<string> recipients, IReadOnlyDictionary<string, string>? data = null)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count > 0)
        {
            _intents.Add(new NotificationIntent
            {
                Id = $"{Case.Number}-v{Case.Version}-{kind}",
                CaseNumber = Case.Number,
                Kind = kind,
                Recipients = recipients,
                Language = Case.Language,
                CreatedAt = at,
                Data = data ?? new Dictionary<string, string>(),
            });
        }

        return this;
    }
}
