using System.Globalization;
using System.Security.Claims;

namespace SupportFunctions.App.Security;

/// <summary>Who is calling, read from the authenticated principal: a contact of an account, an agent, an administrator, or a partner.</summary>
public sealed record Caller(PrincipalKind Kind, string Id, string? AccountId)
{
    public const string KindClaim = "sf:kind";
    public const string IdClaim = "sf:id";
    public const string AccountClaim = "sf:account";

    public bool IsStaff => Kind is PrincipalKind.Agent or PrincipalKind.Admin;

    /// <summary>How the caller appears in audit trails: "contact:{id}".</summary>
    public string Actor => $"{Kind.ToString().ToLowerInvariant()}:{Id}";

    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var kind = Enum.Parse<PrincipalKind>(user.FindFirstValue(KindClaim) ?? throw new InvalidOperationException("The request is not authenticated."), ignoreCase: true);
        return new Caller(kind, user.FindFirstValue(IdClaim)!, user.FindFirstValue(AccountClaim));
    }

    public ClaimsIdentity ToIdentity(string scheme)
    {
        var claims = new List<Claim>
        {
            new(KindClaim, Kind.ToString().ToLower(CultureInfo.InvariantCulture)),
            new(IdClaim, Id),
            new(ClaimTypes.NameIdentifier, Actor),
            new(ClaimTypes.Role, Kind.ToString().ToLower(CultureInfo.InvariantCulture)),
        };
        if (AccountId is not null)
        {
            claims.Add(new Claim(AccountClaim, AccountId));
        }

        return new ClaimsIdentity(claims, scheme);
    }
}
