from django import forms

from articles.models import Article


class ArticleAdminForm(forms.ModelForm):
    """The editors' article form: the admin's fields plus the newsroom's own checks."""

    class Meta:
        model = Article
        fields = (
            *("kind", "title", "slug", "section", "summary", "body", "tags"),
            *("status", "published_at", "meta_description", "review_comment"),
            *("image", "image_alt", "image_caption", "image_credit"),
        )
