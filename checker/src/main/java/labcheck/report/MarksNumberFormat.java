package labcheck.report;

import freemarker.core.Environment;
import freemarker.core.TemplateFormatUtil;
import freemarker.core.TemplateNumberFormat;
import freemarker.core.TemplateNumberFormatFactory;
import freemarker.core.UnformattableValueException;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import java.util.Locale;

/** {@link Marks#format} as FreeMarker's default number format, so templates print numbers as every other output. */
final class MarksNumberFormat extends TemplateNumberFormat {

    static final String NAME = "marks";

    static final TemplateNumberFormatFactory FACTORY = new TemplateNumberFormatFactory() {
        @Override
        public TemplateNumberFormat get(String params, Locale locale, Environment env) {
            return new MarksNumberFormat();
        }
    };

    @Override
    public String formatToPlainText(TemplateNumberModel number)
            throws TemplateModelException, UnformattableValueException {
        Number n = TemplateFormatUtil.getNonNullNumber(number);
        return Marks.format(n.doubleValue());
    }

    @Override
    public boolean isLocaleBound() {
        return false;
    }

    @Override
    public String getDescription() {
        return "labcheck marks (at most two decimals, half up)";
    }
}
