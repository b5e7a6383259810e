namespace SupportFunctions.Domain.Policies;

/// <summary>The partner model: customers' problem reports go to the account's support contacts; the vendor does not contact the customer.</summary>
public sealed record PartnerSupportRules
{
    public bool ReportsGoToSupportContacts { get; init; } = true;

    public bool VendorContactsCustomer { get; init; }

    public int MinSupportContacts { get; init; } = 1;

    /// <summary>Whether the vendor may mail this account's customers: not when a partner looks after it and the policy says so.</summary>
    public bool VendorMayMailCustomersOf(Directory.CustomerAccount? account) => VendorContactsCustomer || account?.PartnerId is null;
}
