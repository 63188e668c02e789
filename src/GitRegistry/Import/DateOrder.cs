namespace GitRegistry.Import;

/// <summary>How to read a date such as 03/04/2024, where day and month could be either way round.</summary>
public enum DateOrder
{
    /// <summary>Decide from the column: a first number above 12 means day first, a second above 12 month first; rows that stay ambiguous are reported.</summary>
    Detect,
    /// <summary>Day, month, year (03/04/2024 is 3 April).</summary>
    DayFirst,
    /// <summary>Month, day, year (03/04/2024 is 4 March).</summary>
    MonthFirst,
}
