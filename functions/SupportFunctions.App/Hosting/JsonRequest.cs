using System.Text.Json;
using SupportFunctions.App.Admin;

namespace SupportFunctions.App.Hosting;

/// <summary>
/// Reads a JSON request body into a request record, or a JSON Merge Patch over the current values; a body that does not
/// fit is a problem naming the field (422) or the body (400).
/// </summary>
public static class JsonRequest
{
    public static async Task<(T? Request, IResult? Problem)> ReadAsync<T>(HttpRequest http, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        var body = await JsonBody.ReadAsync(http, 64 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return (null, body.Problem);
        }

        using var document = body.Document!;
        return Deserialize<T>(document.RootElement, options);
    }

    public static async Task<(T? Request, IResult? Problem)> PatchAsync<T>(HttpRequest http, T current, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        var body = await JsonBody.ReadAsync(http, 64 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return (null, body.Problem);
        }

        using var document = body.Document!;
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return (null, Problems.BadRequest("A merge patch is a JSON object."));
        }

        try
        {
            return (MergePatch.Apply(current, document.RootElement, options), null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.Validation(new Dictionary<string, string[]> { [ex.Path?.TrimStart('$', '.') ?? "$"] = [ex.Message.Split(" Path:")[0]] }));
        }
    }

    private static (T? Request, IResult? Problem) Deserialize<T>(JsonElement element, JsonSerializerOptions options)
        where T : class
    {
        try
        {
            return (element.Deserialize<T>(options) ?? throw new JsonException("The body is empty."), null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "$" : ex.Path.TrimStart('$', '.');
            var message = ex.Message.Contains("missing required properties", StringComparison.Ordinal) ? ex.Message.Split(" Path:")[0] : $"has the wrong type or form ({ex.Message.Split(" Path:")[0].Split(". ")[0]})";
            return (null, Problems.Validation(new Dictionary<string, string[]> { [field] = [message] }));
        }
    }
}
