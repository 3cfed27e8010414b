// A C target needs one translation unit; the header above is all there is.
#include "CFuzzSupport.h"
