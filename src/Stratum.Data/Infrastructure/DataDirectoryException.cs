namespace Stratum.Data.Infrastructure;

/// <summary>The data directory cannot be created or written: a start-up failure with its own one-line cause.</summary>
public sealed class DataDirectoryException(string directory, Exception inner)
    : IOException($"the data directory '{directory}' is not a writable directory ({inner.Message.Trim()}). Set Stratum:DataDirectory to one that is.", inner);
