namespace SupportFunctions.Domain.Policies;

public enum FieldType
{
    Text,
    Enum,
    Json,
    Attachment,
    Timestamp,
    EmailList,
    Phone,
}
