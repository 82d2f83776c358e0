"""The groups of the shipped content, named once for the tests that hold each group to its bar."""

from __future__ import annotations

METHOD_IDS = (
    "fine-tuning",
    "instruction-fine-tuning",
    "continued-pre-training",
    "single-turn-messaging",
    "multi-turn-messaging",
    "conversation-record-format",
    "distillation",
    "image-model-fine-tuning",
    "transfer-learning",
    "labeled-vs-unlabeled-data",
    "reinforcement-fine-tuning",
    "hyperparameters",
    "training-data-preparation",
)
"""Customization methods and data formats."""

USE_CASE_IDS = (
    "use-case-persona-and-tone",
    "use-case-up-to-date-knowledge",
    "use-case-proprietary-data",
    "use-case-domain-expertise",
    "use-case-classification",
)

PLATFORM_IDS = (
    "amazon-bedrock",
    "custom-models",
    "choosing-a-foundation-model",
    "amazon-titan",
    "data-security",
    "model-evaluation",
    "customization-workflow",
    "training-costs",
    "provisioned-throughput",
    "best-practices",
    "fine-tuning-challenges",
    "sagemaker-integration",
    "prompt-engineering-vs-rag-vs-fine-tuning",
    "aif-c01-exam-tips",
    *USE_CASE_IDS,
)
"""The Bedrock platform, use cases, costs, process, security and exam practice."""

DOMAIN1_IDS = (
    "ai-ml-and-deep-learning",
    "generative-and-agentic-ai",
    "computer-vision-and-nlp",
    "models-algorithms-training-inference",
    "model-fit",
    "bias-and-fairness",
    "inference-options",
    "data-types-for-ml",
    "machine-learning-types",
    "when-to-use-ai",
    "regression-classification-clustering",
    "real-world-ai-applications",
    "traditional-ml-vs-foundation-models",
    "amazon-sagemaker-ai",
    "amazon-comprehend",
    "amazon-translate",
    "amazon-transcribe",
    "amazon-polly",
    "amazon-lex",
    "amazon-rekognition",
    "amazon-textract",
    "amazon-personalize",
    "amazon-kendra",
    "ml-pipeline",
    "model-sources",
    "model-hosting-options",
    "mlops",
    "classification-metrics",
    "regression-metrics",
    "business-metrics",
)
"""Domain 1, fundamentals of AI and ML: terms, data, learning types, use cases, services, lifecycle."""

GENAI_IDS = (
    "tokens",
    "chunking",
    "embeddings",
    "large-language-models",
    "foundation-models",
    "multimodal-models",
    "diffusion-models",
    "generative-ai-use-cases",
    "foundation-model-lifecycle",
    "token-based-pricing",
    "context-engineering",
    "agentic-ai",
    "model-context-protocol",
    "generative-ai-advantages",
    "generative-ai-limitations",
    "genai-business-metrics",
    "sagemaker-jumpstart",
    "amazon-quick",
    "kiro",
    "strands-agents",
    "bedrock-agentcore",
    "aws-genai-service-advantages",
    "aws-genai-security-and-compliance",
    "cross-region-inference",
    "genai-cost-tradeoffs",
)
"""Exam domain 2: generative AI basics, its capabilities and limits, and the AWS services for it."""

RESPONSIBLE_AI_IDS = (
    "responsible-ai",
    "amazon-bedrock-guardrails",
    "responsible-model-selection",
    "generative-ai-legal-risks",
    "dataset-characteristics",
    "bias-and-variance",
    "sagemaker-clarify",
    "bias-and-truthfulness-monitoring",
    "amazon-augmented-ai",
    "transparent-and-explainable-models",
    "sagemaker-model-cards",
    "ai-service-cards-and-licensing",
    "interpretability-performance-tradeoff",
    "human-centered-explainable-ai",
)
"""Exam domain 4, guidelines for responsible AI: its features and tools, data, bias, transparency."""

APPLICATIONS_IDS = (
    "inference-parameters",
    "retrieval-augmented-generation",
    "amazon-bedrock-knowledge-bases",
    "vector-databases-on-aws",
    "ai-agent-applications",
    "prompt-components",
    "prompting-techniques",
    "prompt-engineering-best-practices",
    "prompt-engineering-risks",
    "bedrock-prompt-management",
    "text-similarity-metrics",
    "llm-as-a-judge",
    "fm-application-evaluation",
    "business-value-evaluation",
    "parameter-efficient-fine-tuning",
    "direct-preference-optimization",
)
"""Exam domain 3 beyond customization: designing applications on foundation models (inference
parameters, RAG and Knowledge Bases, vector stores, agents), prompt engineering and evaluation."""

SECURITY_GOVERNANCE_IDS = (
    "iam-for-ai-services",
    "ai-encryption",
    "amazon-macie",
    "ai-network-isolation",
    "shared-responsibility-model",
    "agentcore-identity-and-policy",
    "source-citation",
    "data-lineage-and-cataloging",
    "secure-data-engineering",
    "aws-lake-formation",
    "amazon-guardduty",
    "amazon-inspector",
    "prompt-injection",
    "sensitive-data-leakage",
    "model-invocation-logging",
    "hallucination-detection-and-grounding",
    "aws-config",
    "aws-cloudtrail",
    "aws-artifact",
    "aws-trusted-advisor",
    "aws-audit-manager",
    "data-governance-strategies",
    "generative-ai-security-scoping-matrix",
    "ai-governance-protocols",
)
"""Exam domain 5, security, compliance and governance for AI (data-security sits with the platform)."""

ALL_IDS = (
    METHOD_IDS
    + PLATFORM_IDS
    + DOMAIN1_IDS
    + GENAI_IDS
    + RESPONSIBLE_AI_IDS
    + SECURITY_GOVERNANCE_IDS
    + APPLICATIONS_IDS
)
"""Every shipped concept, each in exactly one group."""
