using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;

namespace SupportFunctions.Domain.Tests.Cases;

/// <summary>Requesters for intake tests: an account with a contract status and a contact with roles.</summary>
public static class Requesters
{
    public static CustomerAccount Account(ContractStatus contract = ContractStatus.Active, IReadOnlyDictionary<string, string>? customRoles = null) => new()
    {
        Id = "acc-1",
        Name = "Acme",
        TimeZone = "America/New_York",
        Language = "es",
        ContractStatus = contract,
        CustomRoles = customRoles ?? new Dictionary<string, string>(),
    };

    public static Requester Contact(string channel = "web", string[]? roles = null, bool designated = false, ContractStatus contract = ContractStatus.Active, IReadOnlyDictionary<string, string>? customRoles = null)
    {
        var account = Account(contract, customRoles);
        var contact = new Contact { Id = "con-1", AccountId = account.Id, Name = "Ana", Email = "ana@acme.example", Roles = roles ?? ["Administrator"], Designated = designated };
        return Requester.ForContact(channel, contact, account);
    }

    public static Requester Anonymous(string channel = "web") => Requester.Anonymous(channel, "someone@example.org", "Someone");

    /// <summary>Not signed in, giving the address of a contact of an account under <paramref name="contract"/>.</summary>
    public static Requester AnonymousWithKnownAddress(ContractStatus contract) => Requester.Anonymous("web", "ana@acme.example", "Ana", Account(contract));
}
