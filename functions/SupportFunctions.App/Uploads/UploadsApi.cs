using System.Security.Claims;
using System.Text.Json;
using SupportFunctions.App.Security;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Uploads;

public static class UploadsApi
{
    /// <summary><c>/api/uploads</c>: stage a file before opening the case that needs it (e.g. a boundary shapefile).</summary>
    public static RouteGroupBuilder MapUploads(this RouteGroupBuilder group)
    {
        group.MapPost("/", Stage)
            .WithName("StageUpload")
            .WithSummary("JSON {fileName, contentType, size, kind}: a short-lived create-only upload URL; multipart/form-data: a direct upload of a small file. Reference the returned id in a new case's attachments.")
            .Accepts<UploadRequest>("application/json", "multipart/form-data")
            .Produces<UploadTicket>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .DisableAntiforgery();
        return group;
    }

    internal static UploadRequest? ReadRequest(JsonElement body, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["the body must be a JSON object"];
            return null;
        }

        string? Text(string name) => Hosting.JsonFields.Text(body, name);

        var fileName = Text("fileName");
        var contentType = Text("contentType");
        long size = 0;
        if (fileName is null)
        {
            errors["fileName"] = ["is required"];
        }

        if (contentType is null)
        {
            errors["contentType"] = ["is required"];
        }

        if (!body.TryGetProperty("size", out var sizeElement) || sizeElement.ValueKind != JsonValueKind.Number || !sizeElement.TryGetInt64(out size))
        {
            errors["size"] = ["is required: the file's size in bytes"];
        }

        return errors.Count > 0 ? null : new UploadRequest(fileName!, contentType!, size, Text("kind"));
    }

    private static async Task<IResult> Stage(HttpContext context, ClaimsPrincipal user, UploadService uploads, SupportPolicy policy, CancellationToken cancellationToken)
    {
        var input = await UploadInput.ReadAsync(context.Request, uploads, policy, cancellationToken);
        if (input.Problem is not null)
        {
            return input.Problem;
        }

        var caller = Caller.From(user);
        var ticket = input.File is not null
            ? await uploads.StageDirectAsync(caller, input.File, input.Kind, cancellationToken)
            : await uploads.StageAsync(caller, input.Request!, cancellationToken);
        return TypedResults.Created($"/api/uploads/{ticket.Id}", ticket);
    }
}
