// The core's slots are static process-wide storage used from one thread at a time (as nanoCLR calls it): the test classes
// run one after another, so a test that fills every slot cannot starve another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
