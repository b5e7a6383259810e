using SupportFunctions.Domain.Cases;

namespace SupportFunctions.Domain.Directory;

/// <summary>
/// What makes a list of support contacts valid: each names a user of the account's partner or a valid address (the
/// partner portal's "contains an invalid email"), and the account keeps at least the policy's minimum.
/// </summary>
public static class SupportContactRules
{
    public const string InvalidEmail = "contains an invalid email";

    /// <summary>Every problem by field (<c>supportContacts[2].email</c>); the contacts without duplicates, in the order given.</summary>
    public static (IReadOnlyList<SupportContact> Contacts, ErrorMap Errors) Check(IReadOnlyList<SupportContact>? contacts, IReadOnlySet<string> partnerUserIds, int minimum, string field = "supportContacts")
    {
        ArgumentNullException.ThrowIfNull(partnerUserIds);
        var errors = new ErrorMap();
        var kept = new List<SupportContact>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (contacts?.Count ?? 0); i++)
        {
            var contact = contacts![i];
            var at = $"{field}[{i}]";
            if ((contact.UserId is null) == (contact.Email is null))
            {
                errors.Add(at, "give either userId (a user of your partner organisation) or email");
                continue;
            }

            if (contact.Email is { } email && !EmailAddress.IsValid(email.Trim()))
            {
                errors.Add($"{at}.email", $"{InvalidEmail}: \"{email}\"");
                continue;
            }

            if (contact.UserId is { } userId && !partnerUserIds.Contains(userId))
            {
                errors.Add($"{at}.userId", $"\"{userId}\" is not a user of your partner organisation");
                continue;
            }

            var normalized = contact.Email is { } e ? contact with { Email = e.Trim() } : contact;
            if (seen.Add(normalized.Key))
            {
                kept.Add(normalized);
            }
        }

        if (errors.Count == 0 && kept.Count < minimum)
        {
            errors.Add(field, $"at least {minimum} support contact(s) are required: a partner user or an email address that receives the account's problem reports");
        }

        return (kept, errors);
    }
}
