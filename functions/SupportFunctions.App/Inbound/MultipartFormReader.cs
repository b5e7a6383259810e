using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;
using SupportFunctions.Domain.Inbound;

namespace SupportFunctions.App.Inbound;

/// <summary>
/// Splits a stored multipart/form-data post into text fields (as bytes: their charset is decided later) and file parts.
/// Works on CRLF and bare-LF bodies alike.
/// </summary>
public static class MultipartFormReader
{
    public static async Task<(Dictionary<string, byte[]> Fields, List<InboundAttachment> Files)> ReadAsync(byte[] body, string contentType, CancellationToken cancellationToken)
    {
        var boundary = MediaTypeHeaderValue.Parse(contentType).Parameters.First(p => string.Equals(p.Name, "boundary", StringComparison.OrdinalIgnoreCase)).Value!.Trim('"');
        var fields = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var files = new List<InboundAttachment>();
        var reader = new MultipartReader(boundary, new MemoryStream(Normalize(body, boundary), writable: false)) { BodyLengthLimit = null, HeadersLengthLimit = 64 * 1024 };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name is null)
            {
                continue;
            }

            using var content = new MemoryStream();
            await section.Body.CopyToAsync(content, cancellationToken);
            var name = disposition.Name.Trim('"');
            var fileName = (disposition.FileNameStar ?? disposition.FileName)?.Trim('"');
            if (fileName is not null)
            {
                files.Add(new InboundAttachment(name, fileName, section.ContentType ?? "application/octet-stream", content.ToArray()));
            }
            else
            {
                fields[name] = content.ToArray();
            }
        }

        return (fields, files);
    }

    /// <summary>
    /// Posts replayed from text files (and some senders) separate parts with bare LF; the reader needs CRLF around
    /// boundaries and headers. Bodies that already use CRLF are left alone.
    /// </summary>
    private static byte[] Normalize(byte[] body, string boundary)
    {
        var delimiter = System.Text.Encoding.ASCII.GetBytes("--" + boundary);
        var first = body.AsSpan().IndexOf(delimiter);
        if (first < 0 || (first + delimiter.Length + 1 < body.Length && body[first + delimiter.Length] == '\r'))
        {
            return body;
        }

        var result = new List<byte>(body.Length + 1024);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '\n' && (i == 0 || body[i - 1] != '\r'))
            {
                result.Add((byte)'\r');
            }

            result.Add(body[i]);
        }

        return [.. result];
    }
}
