using Microsoft.DurableTask;

namespace SupportFunctions.Functions.Durable;

/// <summary>The activity's name and orchestration instance, as the class-based activities expect them, from the activity trigger.</summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name => name;

    public override string InstanceId => instanceId;
}
