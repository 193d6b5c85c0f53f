# Cython declarations for assemble.py (used only when the module is compiled; see hatch_build.py).
import cython
from reader.core.detect.figures cimport _C
from reader.core.detect.quotes cimport Q

@cython.locals(c=_C, q=Q, spans=list, quotes=list)
cpdef list detect_spans(str text, object span_class)

cpdef tuple _span_order(object span)
