using SupportFunctions.Domain.Directory;

namespace SupportFunctions.Domain.Cases;

/// <summary>Who is opening a case and through which channel: an authenticated contact of an account, or an anonymous person with an address.</summary>
public sealed record Requester
{
    public required string Channel { get; init; }

    public Contact? Contact { get; init; }

    public CustomerAccount? Account { get; init; }

    /// <summary>The address to answer; the contact's for authenticated requesters.</summary>
    public required string Email { get; init; }

    public string? Name { get; init; }

    /// <summary>
    /// For a requester who is not signed in: the account of the contact whose address they give. Its contract decides
    /// which categories they may open before signing in (Digibee: authentication problems only under an active
    /// contract); it grants nothing else — no account data, no organisation view.
    /// </summary>
    public CustomerAccount? AddressAccount { get; init; }

    /// <summary>The language they read: the contact's, then the account's, then the policy's default.</summary>
    public string LanguageUnder(Policies.SupportPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Contact?.Language ?? Account?.Language ?? policy.DefaultLanguage;
    }

    public bool Authenticated => Contact is not null && Account is not null;

    public ContractStatus ContractStatus => (Account ?? AddressAccount)?.ContractStatus ?? ContractStatus.None;

    /// <summary>Account data is shown only to authenticated requesters of accounts under an active contract.</summary>
    public bool MaySeeAccountData => Authenticated && ContractStatus == ContractStatus.Active;

    public static Requester Anonymous(string channel, string email, string? name, CustomerAccount? addressAccount = null) =>
        new() { Channel = channel, Email = email, Name = name, AddressAccount = addressAccount };

    public static Requester ForContact(string channel, Contact contact, CustomerAccount account) =>
        new() { Channel = channel, Contact = contact, Account = account, Email = contact.Email, Name = contact.Name };
}
