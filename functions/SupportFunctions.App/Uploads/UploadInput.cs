using SupportFunctions.App.Hosting;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Uploads;

/// <summary>
/// An upload request as sent: multipart/form-data with a small file (field "file", optional "kind"), or JSON asking for
/// an upload URL. Either way validated, so both upload endpoints read requests one way.
/// </summary>
public sealed record UploadInput(IFormFile? File, string? Kind, UploadRequest? Request, IResult? Problem)
{
    public static async Task<UploadInput> ReadAsync(HttpRequest http, UploadService uploads, SupportPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(policy);
        if (http.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await http.ReadFormAsync(cancellationToken);
            }
            catch (InvalidDataException ex)
            {
                // The form reader's own limits (parts, value lengths, boundary): too much of it.
                return Failed(Problems.TooLarge($"The multipart body breaks a limit of the server: {ex.Message}"));
            }
            catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Truncated: a part or the closing boundary is missing.
                return Failed(Problems.BadRequest($"The multipart body cannot be read: {ex.Message}"));
            }

            var file = form.Files.GetFile("file");
            var kind = form["kind"].FirstOrDefault();
            if (file is null || file.Length == 0)
            {
                return Failed(Problems.Validation(new Dictionary<string, string[]> { ["file"] = ["send the file as form field \"file\""] }));
            }

            if (file.Length > policy.Intake.Attachments.MaxDirectUploadBytes)
            {
                return Failed(Problems.TooLarge($"Files over {policy.Intake.Attachments.MaxDirectUploadBytes} bytes go through an upload URL: POST JSON {{fileName, contentType, size}} instead."));
            }

            var errors = uploads.Validate(new UploadRequest(file.FileName, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, file.Length, kind));
            return errors.Count > 0 ? Failed(Problems.Validation(errors)) : new UploadInput(file, kind, null, null);
        }

        var body = await JsonBody.ReadAsync(http, 16 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return Failed(body.Problem);
        }

        using var document = body.Document!;
        var request = UploadsApi.ReadRequest(document.RootElement, out var readErrors);
        var problems = readErrors.Count > 0 ? readErrors : uploads.Validate(request!);
        return problems.Count > 0 ? Failed(Problems.Validation(problems)) : new UploadInput(null, request!.Kind, request, null);
    }

    private static UploadInput Failed(IResult problem) => new(null, null, null, problem);
}
