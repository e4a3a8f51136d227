using JotMatcher.Core.Records;

namespace JotMatcher.Infrastructure.Csv;

/// <summary>Turns the current record of one kind of input file into a domain record, column by column, by hand.</summary>
internal interface IRecordMapper<T>
    where T : class
{
    /// <summary>The column holding the record's unique id (duplicates within a dataset are rejected).</summary>
    string IdColumn { get; }

    /// <summary>The record, or null when <paramref name="row"/> has rejected it.</summary>
    T? Map(RowFields row, SourceLocation source);

    string IdOf(T record);
}
