// Each class runs the real host with its own Hangfire server; two cores are better spent on one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
