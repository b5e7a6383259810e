using System.Text.RegularExpressions;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Admin;

/// <summary>What makes an account, contact or agent request valid; every problem by field.</summary>
public static partial class DirectoryRules
{
    public static Dictionary<string, string[]> Check(AccountRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ErrorMap();
        Id(request.Id, errors);
        Required(request.Name, "name", 200, errors);
        TimeZone(request.TimeZone, "timeZone", errors);
        Language(request.Language, errors);
        foreach (var (role, baseRole) in request.CustomRoles ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(role) || string.IsNullOrWhiteSpace(baseRole))
            {
                errors.Add("customRoles", "each custom role needs a name and the base role it is built on");
            }
        }

        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Check(ContactRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ErrorMap();
        Id(request.Id, errors);
        Required(request.Name, "name", 200, errors);
        if (!EmailAddress.IsValid(request.Email))
        {
            errors.Add("email", $"\"{request.Email}\" is not a valid email address");
        }

        if (request.Phone is not null && !PhoneNumber.IsE164(request.Phone))
        {
            errors.Add("phone", "must be in E.164 form, such as +14155550123");
        }

        if ((request.Roles ?? []).Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("roles", "role names must not be empty");
        }

        TimeZone(request.TimeZone, "timeZone", errors);
        Language(request.Language, errors);
        return errors.ToDictionary();
    }

    public static Dictionary<string, string[]> Check(AgentRequest request, SupportPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new ErrorMap();
        Id(request.Id, errors);
        Required(request.Name, "name", 200, errors);
        if (!EmailAddress.IsValid(request.Email))
        {
            errors.Add("email", $"\"{request.Email}\" is not a valid email address");
        }

        foreach (var team in (request.Teams ?? []).Where(t => policy.FindTeam(t) is null))
        {
            errors.Add("teams", $"\"{team}\" is not a team of the policy; one of {string.Join(", ", policy.Teams.Select(t => t.Id))}");
        }

        return errors.ToDictionary();
    }

    private static void Id(string? id, ErrorMap errors)
    {
        if (id is not null && !IdPattern().IsMatch(id))
        {
            errors.Add("id", "must be 2 to 64 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
    }

    private static void Required(string? value, string field, int max, ErrorMap errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
        }
        else if (value.Length > max)
        {
            errors.Add(field, $"is {value.Length} characters; at most {max}");
        }
    }

    private static void TimeZone(string? zone, string field, ErrorMap errors)
    {
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add(field, $"\"{zone}\" is not an IANA time zone such as America/Sao_Paulo");
        }
    }

    private static void Language(string? language, ErrorMap errors)
    {
        if (language is not null && !LanguagePattern().IsMatch(language))
        {
            errors.Add("language", "must be a language tag such as es, pt-BR or en");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$")]
    private static partial Regex LanguagePattern();
}
