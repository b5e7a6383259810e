using System.Security.Claims;
using SupportFunctions.App.Hosting;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Security;

/// <summary><c>GET /api/me</c>: who the API key belongs to, so a client (the console, an integration) can start from it.</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMe(this RouteGroupBuilder group)
    {
        group.MapGet("/", Me).WithName("GetMe").WithSummary("Who this API key is: kind (contact, agent, admin, partner), id, name, account, roles or teams.").Produces<MeView>();
        return group;
    }

    private static async Task<IResult> Me(ClaimsPrincipal user, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var kind = caller.Kind.ToString().ToLowerInvariant();
        switch (caller.Kind)
        {
            case PrincipalKind.Contact:
                var contact = caller.AccountId is null ? null : (await directory.GetContactAsync(caller.AccountId, caller.Id, cancellationToken))?.Contact;
                if (contact is null)
                {
                    return Problems.NotFound("The contact this API key belongs to no longer exists.");
                }

                var account = (await directory.GetAccountAsync(contact.AccountId, cancellationToken))?.Account;
                return TypedResults.Ok(new MeView(kind, contact.Id, contact.Name, contact.Email, contact.AccountId, account?.Name, contact.Roles, []));
            case PrincipalKind.Agent:
                var agent = await directory.GetAgentAsync(caller.Id, cancellationToken);
                return agent is null
                    ? Problems.NotFound("The agent this API key belongs to no longer exists.")
                    : TypedResults.Ok(new MeView(kind, agent.Id, agent.Name, agent.Email, null, null, [], agent.Teams));
            case PrincipalKind.Partner:
                var partner = await directory.GetPartnerAsync(caller.Id, cancellationToken);
                return partner is null
                    ? Problems.NotFound("The partner this API key belongs to no longer exists.")
                    : TypedResults.Ok(new MeView(kind, partner.Id, partner.Name, null, null, null, [], []));
            default:
                return TypedResults.Ok(new MeView(kind, caller.Id, "Administrator", null, null, null, [], []));
        }
    }
}

/// <summary>Who is calling. Contacts have roles in their account; agents have teams; administrators and partners neither.</summary>
public sealed record MeView(string Kind, string Id, string Name, string? Email, string? AccountId, string? AccountName, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams);
