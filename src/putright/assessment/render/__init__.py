"""The assessment as files laid out like Appendix A: PDF (WeasyPrint) and DOCX (python-docx)."""

from putright.assessment.render.docx import document_docx
from putright.assessment.render.pdf import document_pdf

__all__ = ["document_docx", "document_pdf"]
