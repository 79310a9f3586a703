using Stratum.Cli;

return new StratumCommand(TimeProvider.System, Console.In).Invoke(args, Console.Out, Console.Error);
