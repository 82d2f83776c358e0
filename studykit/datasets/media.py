"""Image, video and document blocks in conversation records (Nova and Llama vision rules)."""

from __future__ import annotations

from studykit.datasets.context import S3_URI, CheckContext
from studykit.datasets.findings import preview

MEDIA_KINDS = ("image", "video", "document")
ANY_FORMAT = {
    "image": ("jpeg", "png", "gif", "webp"),
    "video": ("mov", "mkv", "mp4", "webm"),
    "document": ("pdf",),
}

_ONE_EACH = "split them into one record each"


class MediaCount:
    """Checks each media block and counts them for per-message and per-record limits."""

    def __init__(self, checker: CheckContext) -> None:
        self.checker = checker
        self.in_message = 0
        self.counts = {"image": 0, "video": 0, "document": 0}

    def allowed(self, name: str) -> tuple[str, ...]:
        model = self.checker.model
        if model is None:
            return ANY_FORMAT[name]
        return {
            "image": model.image_formats,
            "video": model.video_formats,
            "document": model.document_formats,
        }[name]

    def add(self, name: str, value: object, path: str) -> None:
        checker = self.checker
        checker.media.add(name)
        self.counts[name] += 1
        self.in_message += name == "image"
        allowed = self.allowed(name)
        if not allowed:
            model_id = checker.model.id if checker.model else "this model"
            checker.error("media", f"{model_id} does not take {name} blocks", "remove the block", path)
            return
        if not isinstance(value, dict) or set(value) != {"format", "source"}:
            checker.error(
                "media",
                f'{name} must be {{"format": …, "source": …}}',
                "see 'dataset formats'",
                f"{path}.{name}",
            )
            return
        media_format = value["format"]
        if not isinstance(media_format, str) or media_format.lower() not in allowed:
            shown = ", ".join(allowed)
            checker.error(
                "media-format",
                f"format {preview(media_format)} is not one of {shown}",
                f"convert the {name} to one of them and name its format",
                f"{path}.{name}.format",
            )
        source = value["source"]
        location = source.get("s3Location") if isinstance(source, dict) else None
        uri = location.get("uri") if isinstance(location, dict) else None
        if not isinstance(uri, str) or not S3_URI.match(uri):
            checker.error(
                "image-ref" if name == "image" else "media",
                f"{name} source is not an Amazon S3 URI",
                'use "source": {"s3Location": {"uri": "s3://bucket/key"}}',
                f"{path}.{name}.source",
            )

    def end_message(self, path: str) -> None:
        model = self.checker.model
        limit = model.max_images_per_message if model else None
        if limit and self.in_message > limit:
            self.checker.error(
                "media",
                f"{self.in_message} images in one message; at most {limit}",
                "split them over several records",
                path,
            )
        self.in_message = 0

    def end_record(self, preference: bool = False) -> None:
        """Per-record limits. Preference (DPO) prompts take no video and at most one document,
        whatever the model: AWS's Nova dataset validator checks both for DPO samples
        (aws-samples/amazon-nova-samples, customization/bedrock-finetuning/understanding/
        dataset_validation/nova_ft_dataset_validator.py, read 2026-12-04)."""
        model = self.checker.model
        videos, images, documents = self.counts["video"], self.counts["image"], self.counts["document"]
        if preference:
            if videos:
                self.checker.error(
                    "media",
                    "a video in preference (DPO) data: its prompts take no video",
                    "use text or images in the prompt",
                    "messages",
                )
            if documents > 1:
                self.checker.error(
                    "media", f"{documents} documents in one record; at most 1", _ONE_EACH, "messages"
                )
            return
        if model is None or not model.video_formats:
            return
        if videos > 1:
            self.checker.error("media", f"{videos} videos in one record; at most 1", _ONE_EACH, "messages")
        if videos and images:
            self.checker.error(
                "media", "images and a video in one record", "one kind of media per record", "messages"
            )
        if documents > 1:
            self.checker.error(
                "media", f"{documents} documents in one record; at most 1", _ONE_EACH, "messages"
            )
