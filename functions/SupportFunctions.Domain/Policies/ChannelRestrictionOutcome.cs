namespace SupportFunctions.Domain.Policies;

public enum ChannelRestrictionOutcome
{
    Refuse,
    Downgrade,
}
