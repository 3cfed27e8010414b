#ifndef RELAY_CFREETYPE_SHIM_H
#define RELAY_CFREETYPE_SHIM_H

#include <ft2build.h>
#include FT_FREETYPE_H

// FreeType names its headers through macros (FT_FREETYPE_H) and its flags through macros Swift cannot import
// (FT_LOAD_TARGET_NORMAL is a shift expression, FT_HAS_KERNING a flag test); each is re-exported below as a
// function, prefixed cfreetype_, so the Swift layer never hard-codes FreeType's numbers.

/// FT_LOAD_RENDER | FT_LOAD_TARGET_NORMAL: an 8-bit anti-aliased coverage bitmap with the normal hinter.
static inline FT_Int32 cfreetype_load_render_flags(void) { return FT_LOAD_RENDER | FT_LOAD_TARGET_NORMAL; }

/// FT_HAS_KERNING(face): whether the face has a kerning table FT_Get_Kerning reads.
static inline int cfreetype_has_kerning(FT_Face face) { return FT_HAS_KERNING(face) ? 1 : 0; }

/// FT_KERNING_DEFAULT: grid-fitted kerning in 26.6 pixels.
static inline FT_UInt cfreetype_kerning_default(void) { return FT_KERNING_DEFAULT; }

/// FT_PIXEL_MODE_GRAY: the only bitmap mode the renderer asks for (a sanity check on what came back).
static inline int cfreetype_pixel_mode_gray(void) { return FT_PIXEL_MODE_GRAY; }

// FT_Error_String returns NULL unless FreeType was built with FT_CONFIG_OPTION_ERROR_STRINGS (Debian's is not),
// so the message table is built here from FT_ERRORS_H, as FreeType's own documentation suggests.
#undef FTERRORS_H_
#define FT_ERRORDEF(e, v, s) case v: return s;
#define FT_ERROR_START_LIST switch (error) {
#define FT_ERROR_END_LIST }

/// FreeType's message for an error code ("cannot open resource"), never NULL.
static inline const char *cfreetype_error_message(FT_Error error) {
#include FT_ERRORS_H
    return "unknown FreeType error";
}

#endif
