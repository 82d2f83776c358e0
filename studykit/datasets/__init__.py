"""The dataset workbench: Bedrock format specs, a generator, a streaming validator, stats and cost."""
