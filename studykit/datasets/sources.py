"""Where each dataset rule, limit and price comes from, and when it was read.

Every spec object carries :class:`Source` values so that ``studykit dataset formats``
and ``studykit dataset cost`` can print the page and the date next to the number.
"""

from __future__ import annotations

from dataclasses import dataclass

AS_OF = "2026-11-23"
"""The day most pages below were read for the numbers in this package."""
READ_DEC_2026 = "2026-12-04"
"""The day the Nova 2, preference, reinforcement fine-tuning and JSON Lines pages were read."""
READ_AVAILABILITY = "2026-12-05"
"""The day the pages on which models can still be customized were compared."""


@dataclass(frozen=True)
class Source:
    """One page that states a rule or a number, and the day it was read."""

    url: str
    as_of: str = AS_OF

    def to_json(self) -> dict[str, str]:
        return {"url": self.url, "as_of": self.as_of}


PREPARE = Source("https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-prepare.html")
REQUIREMENTS = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-prepare.html"
    "#model-training-validation-requirements"
)
TEXT_DATA = Source("https://docs.aws.amazon.com/bedrock/latest/userguide/preparing-text-data.html")
IMAGE_TEXT_DATA = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/preparing-image-text-data.html"
)
IMAGE_GENERATION_DATA = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/preparing-image-generation-data.html"
)
CONTINUED_PRETRAINING = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/dataset-prep-continued-pretraining.html"
)
DISTILLATION = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/distillation-prepare-datasets.html"
)
NOVA_UNDERSTANDING = Source(
    "https://docs.aws.amazon.com/nova/latest/userguide/fine-tune-prepare-data-understanding.html"
)
NOVA2_SFT = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/nova-2-sft-data-prep.html", READ_DEC_2026
)
NOVA_DPO = Source("https://docs.aws.amazon.com/nova/latest/userguide/nova-dpo.html", READ_DEC_2026)
NOVA_CUSTOMIZATION_SDK = Source(
    "https://docs.aws.amazon.com/nova/latest/userguide/nova-customization-sdk.html"
)
NOVA2_CPT = Source(
    "https://docs.aws.amazon.com/nova/latest/nova2-userguide/nova-data-prep-cpt-2.html", READ_DEC_2026
)
RFT = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/reinforcement-fine-tuning.html", READ_DEC_2026
)
RFT_NOVA_DATA = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/rft-prepare-data.html", READ_DEC_2026
)
RFT_OPEN_WEIGHT_DATA = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/rft-prepare-data-open-weight.html", READ_DEC_2026
)
JSON_LINES = Source("https://jsonlines.org/", READ_DEC_2026)
NOVA_CREATIVE = Source(
    "https://docs.aws.amazon.com/nova/latest/userguide/fine-tune-prepare-data-creative-content.html"
)
NOVA_CUSTOMIZATION = Source("https://docs.aws.amazon.com/nova/latest/userguide/customization.html")
NOVA_VALIDATOR = Source(
    "https://github.com/aws-samples/amazon-nova-samples/blob/main/customization/bedrock-finetuning/"
    "understanding/dataset_validation/nova_ft_dataset_validator.py"
)
NOVA_HYPERPARAMETERS = Source("https://docs.aws.amazon.com/bedrock/latest/userguide/cm-hp-nova-mm.html")
TITAN_HYPERPARAMETERS = Source("https://docs.aws.amazon.com/bedrock/latest/userguide/cm-hp-titan-text.html")
LLAMA31_HYPERPARAMETERS = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/cm-hp-meta-llama31.html"
)
LLAMA32_HYPERPARAMETERS = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/cm-hp-meta-llama32.html"
)
CLAUDE_HYPERPARAMETERS = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/cm-hp-anth-claude-3.html"
)
FINE_TUNING_MODELS = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-fine-tuning.html"
)
FINE_TUNING_TABLE = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-fine-tuning.html", READ_AVAILABILITY
)
"""Bedrock's current table of models you can fine-tune: no Titan Text and no Cohere model in it."""
OLD_CUSTOMIZATION_TABLE = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-supported.html", READ_AVAILABILITY
)
"""The older table that listed Titan Text G1 Express, Lite and Premier (and Titan Text for continued
pre-training)."""
PREPARE_TEXT_MODELS = Source(PREPARE.url, READ_AVAILABILITY)
"""The data-preparation page, which still lists Titan Text and Cohere Command as text-to-text models."""
COHERE_BEDROCK_FINE_TUNING = Source(
    "https://docs.cohere.com/docs/fine-tuning-cohere-models-on-amazon-bedrock", READ_AVAILABILITY
)
"""Cohere's page: fine-tuning Cohere models on Bedrock was deprecated on 2025-09-15."""
PRICING = Source("https://aws.amazon.com/bedrock/pricing/")
ON_DEMAND_CUSTOM = Source(
    "https://docs.aws.amazon.com/bedrock/latest/userguide/deploy-custom-model-on-demand.html"
)
NOVA_MICRO_COSTS = Source(
    "https://aws.amazon.com/blogs/machine-learning/"
    "cost-efficient-custom-text-to-sql-using-amazon-nova-micro-and-amazon-bedrock-on-demand-inference"
)
OPENAI_FINE_TUNING = Source("https://platform.openai.com/docs/guides/fine-tuning")
