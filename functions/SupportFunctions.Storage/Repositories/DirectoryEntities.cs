using Azure.Data.Tables;
using SupportFunctions.Domain.Directory;

namespace SupportFunctions.Storage.Repositories;

/// <summary>Accounts with their contacts in one partition, agents in another, and an index of contact email addresses.</summary>
internal static class DirectoryEntities
{
    public const string AccountRow = "account";
    public const string ContactPrefix = "contact|";
    public const string AgentsPartition = "agents";
    public const string PartnerRow = "partner";
    public const string PartnerUserPrefix = "user|";
    public const string PartnerAccountPrefix = "account|";

    public static string PartnerPartition(string partnerId) => "partner|" + partnerId;

    public static string AccountPartition(string accountId) => "account|" + accountId;

    public static string EmailPartition(string email) => "email|" + EmailAddress.Normalize(email);

    public static TableEntity ToEntity(CustomerAccount a) => new(AccountPartition(a.Id), AccountRow)
    {
        ["Name"] = a.Name,
        ["TimeZone"] = a.TimeZone,
        ["Region"] = a.Region,
        ["Language"] = a.Language,
        ["ContractStatus"] = a.ContractStatus.ToString(),
        ["CustomRoles"] = StoredJson.Write(a.CustomRoles),
        ["PartnerId"] = a.PartnerId,
        ["SupportContacts"] = StoredJson.Write(a.SupportContacts),
        ["DataClass"] = "account",
    };

    public static CustomerAccount ToAccount(TableEntity e) => new()
    {
        Id = e.PartitionKey["account|".Length..],
        Name = e.GetString("Name") ?? string.Empty,
        TimeZone = e.GetString("TimeZone") ?? "UTC",
        Region = e.GetString("Region"),
        Language = e.GetString("Language") ?? "en",
        ContractStatus = Enum.Parse<ContractStatus>(e.GetString("ContractStatus") ?? nameof(ContractStatus.None)),
        CustomRoles = StoredJson.Read<Dictionary<string, string>>(e.GetString("CustomRoles"), []),
        PartnerId = e.GetString("PartnerId"),
        SupportContacts = StoredJson.Read<List<SupportContact>>(e.GetString("SupportContacts"), []),
    };

    public static TableEntity ToEntity(Contact c) => new(AccountPartition(c.AccountId), ContactPrefix + c.Id)
    {
        ["Name"] = c.Name,
        ["Email"] = c.Email,
        ["Phone"] = c.Phone,
        ["Roles"] = StoredJson.Write(c.Roles),
        ["Designated"] = c.Designated,
        ["Registered"] = c.Registered,
        ["CredentialsExpireAt"] = c.CredentialsExpireAt,
        ["SsoOnly"] = c.SsoOnly,
        ["BreakGlass"] = c.BreakGlass,
        ["MaySendNotifications"] = c.MaySendNotifications,
        ["Language"] = c.Language,
        ["TimeZone"] = c.TimeZone,
        ["DataClass"] = "contact",
    };

    public static Contact ToContact(TableEntity e) => new()
    {
        Id = e.RowKey[ContactPrefix.Length..],
        AccountId = e.PartitionKey["account|".Length..],
        Name = e.GetString("Name") ?? string.Empty,
        Email = e.GetString("Email") ?? string.Empty,
        Phone = e.GetString("Phone"),
        Roles = StoredJson.Read<List<string>>(e.GetString("Roles"), []),
        Designated = e.GetBoolean("Designated") ?? false,
        Registered = e.GetBoolean("Registered") ?? false,
        CredentialsExpireAt = e.GetDateTimeOffset("CredentialsExpireAt"),
        SsoOnly = e.GetBoolean("SsoOnly") ?? false,
        BreakGlass = e.GetBoolean("BreakGlass") ?? false,
        MaySendNotifications = e.GetBoolean("MaySendNotifications") ?? false,
        Language = e.GetString("Language"),
        TimeZone = e.GetString("TimeZone"),
    };

    public static TableEntity ToEntity(SupportAgent a) => new(AgentsPartition, a.Id)
    {
        ["Name"] = a.Name,
        ["Email"] = a.Email,
        ["Teams"] = StoredJson.Write(a.Teams),
        ["DataClass"] = "agent",
    };

    public static SupportAgent ToAgent(TableEntity e) => new()
    {
        Id = e.RowKey,
        Name = e.GetString("Name") ?? string.Empty,
        Email = e.GetString("Email") ?? string.Empty,
        Teams = StoredJson.Read<List<string>>(e.GetString("Teams"), []),
    };

    public static TableEntity ToEntity(Partner p) => new(PartnerPartition(p.Id), PartnerRow)
    {
        ["Name"] = p.Name,
        ["DataClass"] = "partner",
    };

    public static Partner ToPartner(TableEntity e) => new()
    {
        Id = e.PartitionKey["partner|".Length..],
        Name = e.GetString("Name") ?? string.Empty,
    };

    public static TableEntity ToEntity(PartnerUser u) => new(PartnerPartition(u.PartnerId), PartnerUserPrefix + u.Id)
    {
        ["Name"] = u.Name,
        ["Email"] = u.Email,
        ["DataClass"] = "partner",
    };

    public static PartnerUser ToPartnerUser(TableEntity e) => new()
    {
        Id = e.RowKey[PartnerUserPrefix.Length..],
        PartnerId = e.PartitionKey["partner|".Length..],
        Name = e.GetString("Name") ?? string.Empty,
        Email = e.GetString("Email") ?? string.Empty,
    };
}
