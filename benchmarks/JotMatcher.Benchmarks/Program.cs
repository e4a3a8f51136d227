using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/JotMatcher.Benchmarks -- --filter '*Kernel*'
BenchmarkSwitcher.FromAssembly(typeof(JotMatcher.Benchmarks.KernelBenchmarks).Assembly).Run(args);
