// Every test class starts its own host and Chromium; on two cores running one at a time is faster and steadier.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
