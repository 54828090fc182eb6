#include "fs_pipeline.h"

#include "emit/fs_dump.h"
#include "place/fs_place.h"

/* A stage that failed without saying why ran out of memory. */
static fs_pipeline_result failed(fs_pipeline_result result, fs_pipeline_status status,
                                 const char *stage, size_t errors, const char *output,
                                 fs_diags *diags)
{
    if (fs_diags_errors(diags) == errors)
        fs_error(diags, fs_pos_at(output, 0, 0), "free some memory and try again",
                 "out of memory while %s this document", stage);
    result.status = status;
    return result;
}

fs_pipeline_result fs_pipeline_run(const fs_bind_input *input, fs_pango *pango,
                                   const fs_pipeline_options *options, fs_arena *arena,
                                   fs_diags *diags)
{
    fs_pipeline_result result = {FS_PIPELINE_DONE, NULL, NULL};
    size_t errors = fs_diags_errors(diags);
    const char *output = options->output;

    result.doc = fs_bind(input, arena, diags);
    if (!result.doc)
        return failed(result, FS_PIPELINE_BAD_INPUT, "binding", errors, output, diags);

    if (!fs_pango_set_language(pango, result.doc->lang))
        return failed(result, FS_PIPELINE_FAILED, "placing", errors, output, diags);
    fs_measurer measurer = fs_pango_measurer(pango);
    result.display = fs_place(result.doc, &input->layout->page, &measurer, arena, diags);
    if (!result.display)
        return failed(result, FS_PIPELINE_FAILED, "placing", errors, output, diags);

    if (!output)
        return result;
    if (!fs_emit(result.display, result.doc, pango, output, options->emit, diags) ||
        (options->dump &&
         !fs_dump_write(result.display, pango, options->dump, options->emit->cleanup, diags)))
        return failed(result, FS_PIPELINE_FAILED, "writing", errors, output, diags);
    return result;
}
