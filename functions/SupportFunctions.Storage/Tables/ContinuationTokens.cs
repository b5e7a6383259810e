using System.Buffers.Text;
using System.Text;

namespace SupportFunctions.Storage.Tables;

/// <summary>
/// The continuation tokens our lists hand out: the SDK's token (next partition and row key) wrapped as base64url with a
/// version mark, so a token is opaque to clients and one that this API did not issue is refused instead of being passed
/// to storage as a position (where <c>' or true</c> read as a key and answered an empty page).
/// </summary>
public static class ContinuationTokens
{
    private const string Mark = "t1 ";

    /// <summary>The mark of a position in a merged read (the agents' queue): the last row key handed out.</summary>
    private const string PositionMark = "p1 ";

    public static string? Wrap(string? storageToken) => Encode(Mark, storageToken);

    /// <summary>The storage token inside; throws <see cref="InvalidContinuationTokenException"/> for anything this API did not issue.</summary>
    public static string? Unwrap(string? token) => Decode(Mark, token);

    public static string? WrapPosition(string? position) => Encode(PositionMark, position);

    public static string? UnwrapPosition(string? token) => Decode(PositionMark, token);

    private static string? Encode(string mark, string? value) =>
        string.IsNullOrEmpty(value) ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(mark + value));

    private static string? Decode(string mark, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(token.Length)];
        if (!Base64Url.IsValid(token) || !Base64Url.TryDecodeFromChars(token, bytes, out var written))
        {
            throw new InvalidContinuationTokenException();
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidContinuationTokenException(ex);
        }

        return text.StartsWith(mark, StringComparison.Ordinal) && text.Length > mark.Length
            ? text[mark.Length..]
            : throw new InvalidContinuationTokenException();
    }
}

/// <summary>A continuation token this API did not issue: the caller's mistake (a 400 naming the parameter), never storage's.</summary>
public sealed class InvalidContinuationTokenException : ArgumentException
{
    public InvalidContinuationTokenException()
        : base("is not a token this API issued; pass back the continuationToken of the previous page as it was given", "continuationToken")
    {
    }

    public InvalidContinuationTokenException(Exception inner)
        : base("is not a token this API issued; pass back the continuationToken of the previous page as it was given", "continuationToken", inner)
    {
    }
}
