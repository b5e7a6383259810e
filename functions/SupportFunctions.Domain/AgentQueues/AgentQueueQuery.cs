using System.Globalization;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.AgentQueues;

/// <summary>
/// One read of the agents' queue: the teams whose open cases it covers and the filters every item must match (within a
/// filter any listed value matches; across filters all must). Built by <see cref="Parse"/> from the request's words,
/// which reports every unknown value at once.
/// </summary>
public sealed record AgentQueueQuery
{
    public const string AllTeams = "all";
    public const string Me = "me";
    public const string Nobody = "none";
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    public required IReadOnlyList<string> Teams { get; init; }

    public IReadOnlyList<CaseStatus> Statuses { get; init; } = [];

    public IReadOnlyList<int> Severities { get; init; } = [];

    public IReadOnlyList<string> Priorities { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>An agent id; <see cref="string.Empty"/> for unassigned cases; null for any.</summary>
    public string? Assignee { get; init; }

    public IReadOnlyList<QueueSlaState> SlaStates { get; init; } = [];

    public AgentQueueSort Sort { get; init; } = AgentQueueSort.Sla;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Whether the viewer leads (a member of a lead team) or administers, and so may read every team's queue.</summary>
    public static bool SeesAllTeams(SupportPolicy policy, AgentQueueViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsAdmin || viewer.Teams.Any(t => policy.FindTeam(t)?.Kind == TeamKind.Lead);
    }

    /// <summary>The query, or every broken rule by parameter name; <c>Forbidden</c> when the viewer asked for more than they may see.</summary>
    public static (AgentQueueQuery? Query, Dictionary<string, string[]> Errors, string? Forbidden) Parse(SupportPolicy policy, AgentQueueViewer viewer, AgentQueueParameters p)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(p);
        var errors = new ErrorMap();
        var teams = Words(p.Team);
        IReadOnlyList<string> chosen;
        if (teams.Contains(AllTeams, StringComparer.OrdinalIgnoreCase))
        {
            if (!SeesAllTeams(policy, viewer))
            {
                return (null, [], "team=all is for support leads and administrators; name your teams, or leave team out for yours.");
            }

            chosen = policy.Teams.Select(t => t.Id).ToList();
        }
        else if (teams.Count == 0)
        {
            chosen = viewer.IsAdmin ? policy.Teams.Select(t => t.Id).ToList() : viewer.Teams;
            if (chosen.Count == 0)
            {
                errors.Add("team", "you belong to no team; name the teams to read (team=…)");
            }
        }
        else
        {
            chosen = teams.Select(t => policy.FindTeam(t)?.Id ?? Refuse(errors, "team", t, policy.Teams.Select(x => x.Id).Append(AllTeams))).ToList();
        }

        var statuses = Words(p.Status).Select(s => ParseStatus(errors, s)).ToList();
        var severities = Words(p.Severity).Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && policy.FindSeverity(level) is not null
            ? level
            : Refused<int>(errors, "severity", s, policy.Severities.Select(x => x.Level.ToString(CultureInfo.InvariantCulture)))).ToList();
        var priorityIds = policy.Priority?.Levels.Select(l => l.Id).ToList() ?? [];
        var priorities = Words(p.Priority).Select(s => priorityIds.FirstOrDefault(id => string.Equals(id, s, StringComparison.OrdinalIgnoreCase)) ?? Refuse(errors, "priority", s, priorityIds)).ToList();
        var categories = Words(p.Category).Select(s => policy.FindCategory(s)?.Id ?? Refuse(errors, "category", s, policy.Categories.Select(c => c.Id))).ToList();
        var slaStates = Words(p.Sla).Select(s => Enum.TryParse<QueueSlaState>(s, ignoreCase: true, out var state) && Enum.IsDefined(state) && !int.TryParse(s, out _)
            ? state
            : Refused<QueueSlaState>(errors, "sla", s, Enum.GetNames<QueueSlaState>().Select(n => n.ToLowerInvariant()))).ToList();

        string? assignee = null;
        var assignees = Words(p.Assignee);
        if (assignees.Count > 1)
        {
            errors.Add("assignee", "takes one value: me, none, or an agent id");
        }
        else if (assignees.Count == 1)
        {
            assignee = assignees[0] switch
            {
                var a when string.Equals(a, Nobody, StringComparison.OrdinalIgnoreCase) => string.Empty,
                var a when string.Equals(a, Me, StringComparison.OrdinalIgnoreCase) && viewer.IsAdmin => Refuse(errors, "assignee", a, ["none", "an agent id"]),
                var a when string.Equals(a, Me, StringComparison.OrdinalIgnoreCase) => viewer.Id,
                var a => a,
            };
        }

        var sort = AgentQueueSort.Sla;
        if (p.Sort is { Length: > 0 } sortWord && !(Enum.TryParse(sortWord, ignoreCase: true, out sort) && Enum.IsDefined(sort) && !int.TryParse(sortWord, out _)))
        {
            errors.Add("sort", $"\"{sortWord}\" is not an order; one of sla, updated, created");
        }

        if (p.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"must be between 1 and {MaxPageSize}");
        }

        if (errors.Count > 0)
        {
            return (null, errors.ToDictionary(), null);
        }

        return (new AgentQueueQuery
        {
            Teams = chosen.Distinct(StringComparer.Ordinal).ToList(),
            Statuses = statuses.Distinct().ToList(),
            Severities = severities.Distinct().ToList(),
            Priorities = priorities.Distinct(StringComparer.Ordinal).ToList(),
            Categories = categories.Distinct(StringComparer.Ordinal).ToList(),
            Accounts = Words(p.Account).Distinct(StringComparer.Ordinal).ToList(),
            Assignee = assignee,
            SlaStates = slaStates.Distinct().ToList(),
            Sort = sort,
            PageSize = p.PageSize ?? DefaultPageSize,
        }, [], null);
    }

    /// <summary>Values of a parameter given repeated (status=New&amp;status=Open) or comma-separated (status=New,Open).</summary>
    public static List<string> Words(IEnumerable<string?>? values) =>
        (values ?? []).SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    private static CaseStatus ParseStatus(ErrorMap errors, string word)
    {
        var open = Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Closed).Select(s => s.ToString());
        if (!Enum.TryParse<CaseStatus>(word, ignoreCase: true, out var status) || !Enum.IsDefined(status) || int.TryParse(word, out _))
        {
            return Refused<CaseStatus>(errors, "status", word, open);
        }

        if (status == CaseStatus.Closed)
        {
            errors.Add("status", "the queue holds open cases only; closed cases are in /api/cases and the SLA report");
        }

        return status;
    }

    private static string Refuse(ErrorMap errors, string field, string word, IEnumerable<string> known)
    {
        errors.Add(field, $"\"{word}\" is not known here; one of {string.Join(", ", known)}");
        return word;
    }

    private static T Refused<T>(ErrorMap errors, string field, string word, IEnumerable<string> known)
    {
        Refuse(errors, field, word, known);
        return default!;
    }
}
