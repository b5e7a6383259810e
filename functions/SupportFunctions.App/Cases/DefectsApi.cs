using SupportFunctions.App.Hosting;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Cases;

public static class DefectsApi
{
    /// <summary><c>/api/defects</c>: announce that a defect is fixed; every case closed against it tells its requester once.</summary>
    public static RouteGroupBuilder MapDefects(this RouteGroupBuilder group)
    {
        group.MapPost("/{defectId}/fixed", Fixed)
            .WithName("DefectFixed")
            .WithSummary("{\"release\"}: notifies the requester (and CCs) of every case closed against the defect that it is fixed in that release — once per case and release.")
            .Accepts<DefectFixedRequest>("application/json");
        return group;
    }

    private static async Task<IResult> Fixed(string defectId, HttpRequest http, DefectRepository defects, CaseChanges changes, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync(http, 16 * 1024, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        using var document = read.Document!;
        var release = JsonFields.Text(document.RootElement, "release");
        if (string.IsNullOrEmpty(release) || release.Length > 100)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["release"] = ["is required: the release version that contains the fix (at most 100 characters)"] });
        }

        var notified = new List<string>();
        await foreach (var number in defects.CasesAsync(defectId, cancellationToken))
        {
            var changed = false;
            await changes.ApplyAsync(number, stored =>
            {
                var c = stored.Case;
                changed = string.Equals(c.DefectId, defectId, StringComparison.OrdinalIgnoreCase) && c.DefectFixedIn != release;
                if (!changed)
                {
                    return null;
                }

                var data = new Dictionary<string, string> { ["defectId"] = defectId, ["release"] = release };
                var change = new CaseChangeBuilder(c, time.GetUtcNow(), "system")
                    .Update(x => x with { DefectFixedIn = release })
                    .Record("defect-fixed", data)
                    .Notify(NotificationKinds.DefectFixed, c.CustomerRecipients(), data);
                return new CaseChange(change);
            }, cancellationToken);
            if (changed)
            {
                notified.Add(number);
            }
        }

        return TypedResults.Ok(new { defectId, release, notified });
    }
}

/// <summary>The release that fixes a defect.</summary>
public sealed record DefectFixedRequest(string Release);
