package labcheck.report;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

/** A piece of Markdown inside a FreeMarker template, already escaped (see {@link MarkdownOutputFormat}). */
final class TemplateMarkdownOutputModel extends CommonTemplateMarkupOutputModel<TemplateMarkdownOutputModel> {

    TemplateMarkdownOutputModel(String plainTextContent, String markupContent) {
        super(plainTextContent, markupContent);
    }

    @Override
    public CommonMarkupOutputFormat<TemplateMarkdownOutputModel> getOutputFormat() {
        return MarkdownOutputFormat.INSTANCE;
    }
}
