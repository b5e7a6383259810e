using System.Net.Mail;

namespace SupportFunctions.Domain.Inbound;

/// <summary>One address of a From/To/Cc header: the address and its display name.</summary>
public sealed record MailboxAddress(string Address, string? Name)
{
    /// <summary>Reads an address list such as <c>"Doe, Jane" &lt;jane@x.com&gt;, bob@y.com</c>; entries that are not addresses are skipped.</summary>
    public static IReadOnlyList<MailboxAddress> ParseList(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }

        try
        {
            var collection = new MailAddressCollection { header };
            return collection.Select(a => new MailboxAddress(a.Address, string.IsNullOrWhiteSpace(a.DisplayName) ? null : a.DisplayName)).ToList();
        }
        catch (FormatException)
        {
            // One malformed entry makes the whole list fail to parse: fall back to entry by entry.
            var addresses = new List<MailboxAddress>();
            foreach (var part in header.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (MailAddress.TryCreate(part, out var address))
                {
                    addresses.Add(new MailboxAddress(address.Address, string.IsNullOrWhiteSpace(address.DisplayName) ? null : address.DisplayName));
                }
            }

            return addresses;
        }
    }
}
