using System.Text.Json;
using SupportFunctions.App.Hosting;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

public static class OutboxApi
{
    private const int DefaultLimit = 50;

    /// <summary>
    /// <c>/api/admin</c>: the local outbox (what would have been mailed, with the Outbox provider) and every
    /// notification of a case with its delivery state. Administrators only.
    /// </summary>
    public static RouteGroupBuilder MapOutbox(this RouteGroupBuilder group)
    {
        group.MapGet("/outbox", List).WithName("ListOutbox").WithSummary("Mail stored by the Outbox provider, newest first; filter with caseNumber, at most limit (1–500, default 50).").Produces<IReadOnlyList<OutboxEntry>>();
        group.MapGet("/outbox/{id}", Get).WithName("GetOutboxMail").WithSummary("One stored mail as it would have been sent: envelopes, headers, subject, text and HTML (JSON); with Accept: text/html, the HTML part as the recipient sees it.").Produces<OutgoingMail>().Produces<string>(200, "text/html");
        group.MapGet("/cases/{number}/notifications", Deliveries).WithName("ListCaseNotifications").WithSummary("Every notification intent of a case and its delivery state (pending, sending, retrying, sent, failed, suppressed).").Produces<IReadOnlyList<DeliveryView>>();
        return group;
    }

    private static async Task<IResult> List(string? caseNumber, int? limit, OutboxMailStore outbox, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 500)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 500"] });
        }

        // Names start with the intent's creation time, so the listing is chronological; the newest are its tail.
        var names = await outbox.NamesAsync(caseNumber, cancellationToken);
        var entries = new List<OutboxEntry>();
        foreach (var name in names.AsEnumerable().Reverse().Take(limit ?? DefaultLimit))
        {
            if (await ReadAsync(outbox, name, cancellationToken) is { } mail)
            {
                entries.Add(new OutboxEntry(name[..^".json".Length], mail.CaseNumber, mail.Kind, mail.Envelopes.SelectMany(e => e.To).ToList(), mail.Envelopes.SelectMany(e => e.Cc).ToList(), mail.Subject, mail.Language, mail.CreatedAt));
            }
        }

        return TypedResults.Ok(entries);
    }

    private static async Task<IResult> Get(string id, HttpRequest http, OutboxMailStore outbox, CancellationToken cancellationToken)
    {
        if (await ReadAsync(outbox, id + ".json", cancellationToken) is not { } mail)
        {
            return Problems.NotFound($"There is no stored mail {id}.");
        }

        if (!PrefersHtml(http))
        {
            return TypedResults.Ok(mail);
        }

        // The page shows customer text (encoded when rendered); it may still load nothing and run nothing.
        http.HttpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        http.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(mail.Html, "text/html; charset=utf-8");
    }

    /// <summary>A browser or <c>Accept: text/html</c> asks for the page; JSON stays the answer to everyone else and to a tie.</summary>
    private static bool PrefersHtml(HttpRequest http)
    {
        var accept = http.GetTypedHeaders().Accept;
        double Quality(string type) => accept.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        return Quality("text/html") > Quality("application/json");
    }

    private static async Task<IResult> Deliveries(string number, CaseRepository cases, OutboxRepository outbox, CancellationToken cancellationToken) =>
        await cases.GetAsync(number.ToUpperInvariant(), cancellationToken) is null
            ? Problems.NotFound($"There is no case {number}.")
            : TypedResults.Ok((await outbox.ListAsync(number.ToUpperInvariant(), cancellationToken)).Select(DeliveryView.From).ToList());

    private static async Task<OutgoingMail?> ReadAsync(OutboxMailStore outbox, string name, CancellationToken cancellationToken) =>
        await outbox.ReadAsync(name, cancellationToken) is { } json ? JsonSerializer.Deserialize<OutgoingMail>(json, OutboxMailProvider.Json) : null;
}
