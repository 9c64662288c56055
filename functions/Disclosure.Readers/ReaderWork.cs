namespace Disclosure.Readers;

/// <summary>
/// Steps the readers' own loops took on this thread (one per line, element or tag looked at). Tests count them to show
/// that the work is linear in the input, which a timer cannot show on a shared machine. Costs one increment per step.
/// </summary>
internal static class ReaderWork
{
    [ThreadStatic]
    private static long t_steps;

    public static long Steps => t_steps;

    public static void Add(long steps = 1) => t_steps += steps;
}
