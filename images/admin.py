from django.contrib import admin
from django.db.models import ManyToOneRel
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape, format_html, format_html_join

from images.forms import ImageAdminForm
from images.models import Image, ImageUse
from newsroom.admin_mixins import AtomicSaveMixin
from newsroom.edit_conflict import EditConflictAdminMixin

THUMBNAIL_WIDTH = 96
SAVE_FIRST = "Appears once the image is saved."


@admin.register(Image)
class ImageAdmin(AtomicSaveMixin, EditConflictAdminMixin, admin.ModelAdmin):
    form = ImageAdminForm
    list_display = (
        "thumbnail",
        "title",
        "alt_text",
        "size",
        "uploaded_at",
        "uploaded_by",
    )
    list_display_links = ("thumbnail", "title")
    list_filter = ("uploaded_at",)
    list_select_related = ("uploaded_by",)
    search_fields = ("title", "alt_text", "caption")
    readonly_fields = (
        "focal_point_picker",
        "size",
        "image_address",
        "body_snippet",
        "used_in",
        "uploaded_at",
        "uploaded_by",
    )
    fieldsets = (
        (None, {"fields": ("title", "file", "alt_text", "caption", "credit")}),
        ("Focal point", {"fields": ("focal_point_picker", "focal_x", "focal_y")}),
        (
            "Use in an article body",
            {"fields": ("image_address", "body_snippet", "used_in")},
        ),
        ("The stored file", {"fields": ("size", "uploaded_at", "uploaded_by")}),
    )

    class Media:
        css = {"all": ("images/admin.css",)}
        js = ("images/focal_point.js",)

    def save_model(self, request, obj, form, change):
        if "file" in form.changed_data:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def delete_queryset(self, request, queryset):
        # One by one, so that Image.delete() removes each image's files too.
        for image in queryset:
            image.delete()

    @admin.display(description="Image")
    def thumbnail(self, obj):
        thumbnail = obj.thumbnail
        if not (thumbnail["width"] and thumbnail["height"]):
            return format_html(
                '<img class="image-thumbnail" src="{}" alt="" width="{}">',
                thumbnail["url"],
                THUMBNAIL_WIDTH,
            )
        return format_html(
            '<img class="image-thumbnail" src="{}" alt="" width="{}" height="{}">',
            thumbnail["url"],
            THUMBNAIL_WIDTH,
            round(THUMBNAIL_WIDTH * thumbnail["height"] / thumbnail["width"]),
        )

    @admin.display(description="Size")
    def size(self, obj):
        if not obj.width:
            return SAVE_FIRST
        return f"{obj.width} × {obj.height} pixels"

    @admin.display(description="Preview")
    def focal_point_picker(self, obj):
        if not obj.pk:
            return "Save the image, then click on it here to set the focal point."
        preview = obj.fallback
        return format_html(
            '<div class="focal-picker" data-focal-picker>'
            '<img src="{}" alt="" width="{}" height="{}">'
            '<span class="focal-picker__marker" hidden></span></div>'
            '<p class="help">Click the picture on what must stay in view; '
            "the numbers below follow. Save to crop the link preview again.</p>",
            preview["url"],
            preview["width"],
            preview["height"],
        )

    @admin.display(description="Image address")
    def image_address(self, obj):
        if not obj.pk:
            return SAVE_FIRST
        return format_html(
            '<input type="text" class="vLargeTextField" readonly value="{}" '
            'aria-label="Image address">'
            '<p class="help">For the editor’s image button: 1200 pixels wide at '
            "most, sharp in the article column. Use the alt text above with it.</p>",
            obj.body_picture["url"],
        )

    @admin.display(description="HTML to paste")
    def body_snippet(self, obj):
        if not obj.pk:
            return SAVE_FIRST
        return format_html(
            '<textarea class="vLargeTextField" rows="4" readonly '
            'aria-label="HTML to paste">{}</textarea>'
            '<p class="help">The image with its alt text, size, caption and credit, '
            "for an article body’s HTML. Editing the image here later does not "
            "change copies already pasted.</p>",
            escape(obj.body_snippet()),
        )

    @admin.display(description="Used in")
    def used_in(self, obj):
        if not obj.pk:
            return SAVE_FIRST
        uses = [
            (f"Body of {use.content_type.name}", use.body)
            for use in obj.uses.select_related("content_type")
        ] + list(_other_uses(obj))
        if not uses:
            return "No article or FAQ entry uses this image yet."
        return format_html(
            "<ul>{}</ul>"
            '<p class="help">While a body shows this image it cannot be deleted '
            "and its file cannot be replaced.</p>",
            format_html_join(
                "",
                '<li>{}: <a href="{}">{}</a></li>',
                ((label, _admin_url(used_by), used_by) for label, used_by in uses),
            ),
        )


def _other_uses(image):
    """(label, row) for every row pointing at image through a foreign key (heroes)."""
    for relation in Image._meta.get_fields(include_hidden=True):
        if not isinstance(relation, ManyToOneRel) or relation.related_model is ImageUse:
            continue
        model, field = relation.related_model, relation.field
        label = f"{field.verbose_name.capitalize()} of {model._meta.verbose_name}"
        for row in model._default_manager.filter(**{field.name: image}):
            yield label, row


def _admin_url(row) -> str:
    opts = row._meta
    try:
        return reverse(
            f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]
        )
    except NoReverseMatch:
        return ""
