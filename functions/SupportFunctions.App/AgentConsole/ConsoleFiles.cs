using System.Collections.Frozen;
using System.Security.Cryptography;

namespace SupportFunctions.App.AgentConsole;

/// <summary>
/// The agent console's files (HTML, CSS, ES modules), embedded in this assembly so the standalone service and the
/// Functions app serve the same bytes without a file system of their own. Read once; each with its ETag.
/// </summary>
public static class ConsoleFiles
{
    private const string Prefix = "console/";

    private static readonly Lazy<FrozenDictionary<string, ConsoleFile>> Files = new(Load);

    public static ConsoleFile? Find(string? path) =>
        Files.Value.GetValueOrDefault(string.IsNullOrEmpty(path) ? "index.html" : path);

    private static FrozenDictionary<string, ConsoleFile> Load()
    {
        var assembly = typeof(ConsoleFiles).Assembly;
        var files = new Dictionary<string, ConsoleFile>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            var name = resource[Prefix.Length..];
            files[name] = new ConsoleFile(bytes, ContentTypeOf(name), "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}

/// <summary>One console file: its bytes, media type and ETag.</summary>
public sealed record ConsoleFile(byte[] Bytes, string ContentType, string ETag);
