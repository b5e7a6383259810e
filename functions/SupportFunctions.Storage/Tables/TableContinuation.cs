using System.Text;

namespace SupportFunctions.Storage.Tables;

/// <summary>Packs the service's NextPartitionKey/NextRowKey pair into one opaque, URL-safe token.</summary>
internal static class TableContinuation
{
    public static string? Encode(string? nextPartitionKey, string? nextRowKey)
    {
        if (string.IsNullOrEmpty(nextPartitionKey) && string.IsNullOrEmpty(nextRowKey))
        {
            return null;
        }

        var raw = Encoding.UTF8.GetBytes($"{nextPartitionKey}\n{nextRowKey}");
        return Convert.ToBase64String(raw).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static (string? PartitionKey, string? RowKey) Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            if (newline < 0)
            {
                throw new FormatException();
            }

            var pk = text[..newline];
            var rk = text[(newline + 1)..];
            return (pk.Length == 0 ? null : pk, rk.Length == 0 ? null : rk);
        }
        catch (FormatException)
        {
            throw new ArgumentException("The continuation token is not one this service issued.", nameof(token));
        }
    }
}
