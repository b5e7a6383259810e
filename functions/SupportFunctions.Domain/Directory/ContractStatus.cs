namespace SupportFunctions.Domain.Directory;

public enum ContractStatus
{
    None,
    Active,
    Expired,
}
