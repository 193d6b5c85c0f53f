/* The byte buffer of assemble.py's compiled JSON writer (_json_utf8_c): UTF-8 JSON written straight
 * from the text's characters and the spans' fields, exactly as
 * json.dumps(..., ensure_ascii=False).encode("utf-8") writes it, without a str per piece, an f-string
 * per span, or an encoding pass over the output. Used only when assemble.py is compiled (declared in
 * assemble.pxd); the plain-Python writer in assemble.py is the reference, and a test holds the two to
 * the same output. Every function that can fail returns -1 with a Python exception set. */
#include <Python.h>
#include <string.h>

typedef struct {
    char *p;
    Py_ssize_t n, cap;
} reader_json_buf;

/* Room for `extra` more bytes (the buffer doubles, so appends are amortised O(1)). */
static int reader_json_reserve(reader_json_buf *b, Py_ssize_t extra) {
    Py_ssize_t cap;
    char *p;
    if (b->n + extra <= b->cap)
        return 0;
    cap = b->cap ? b->cap : 1 << 16;
    while (cap < b->n + extra)
        cap *= 2;
    p = (char *)PyMem_Realloc(b->p, cap);
    if (p == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

static reader_json_buf *reader_json_new(void) {
    reader_json_buf *b = (reader_json_buf *)PyMem_Calloc(1, sizeof(reader_json_buf));
    if (b == NULL)
        PyErr_NoMemory();
    return b;
}

static void reader_json_free(reader_json_buf *b) {
    if (b != NULL) {
        PyMem_Free(b->p);
        PyMem_Free(b);
    }
}

static Py_ssize_t reader_json_len(reader_json_buf *b) { return b->n; }

/* The bytes written so far, as a bytes object; the buffer is emptied. NULL on failure. */
static PyObject *reader_json_take(reader_json_buf *b) {
    PyObject *out = PyBytes_FromStringAndSize(b->p, b->n);
    if (out != NULL)
        b->n = 0;
    return out;
}

/* ASCII bytes as they are (the JSON between the values: keys, punctuation, null, true). */
static inline int reader_json_ascii(reader_json_buf *b, const char *s) {
    Py_ssize_t len = (Py_ssize_t)strlen(s); /* a few bytes: a key or punctuation */
    if (reader_json_reserve(b, len) < 0)
        return -1;
    memcpy(b->p + b->n, s, (size_t)len);
    b->n += len;
    return 0;
}

/* An integer in decimal, as str(int) writes it (two digits per division). */
static int reader_json_int(reader_json_buf *b, long long v) {
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    char tmp[24];
    char *end = tmp + 24, *q = end;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    while (u >= 100) {
        unsigned k = (unsigned)(u % 100) * 2;
        u /= 100;
        *--q = pairs[k + 1];
        *--q = pairs[k];
    }
    if (u >= 10) {
        *--q = pairs[u * 2 + 1];
        *--q = pairs[u * 2];
    } else {
        *--q = (char)('0' + u);
    }
    if (v < 0)
        *--q = '-';
    if (reader_json_reserve(b, end - q) < 0)
        return -1;
    memcpy(b->p + b->n, q, (size_t)(end - q));
    b->n += end - q;
    return 0;
}

/* A slice bound as Python reads it: from the end when negative, then clamped to [0, len]. */
static inline Py_ssize_t reader_json_bound(Py_ssize_t i, Py_ssize_t len) {
    if (i < 0)
        i += len;
    return i < 0 ? 0 : i > len ? len : i;
}

/* u[a:z] as a JSON string (json's escapes for '"', the backslash and control characters; every other
 * character as its UTF-8). A lone surrogate, which UTF-8 cannot hold, raises what str.encode raises. */
static int reader_json_str(reader_json_buf *b, PyObject *u, Py_ssize_t a, Py_ssize_t z) {
    static const char hex[] = "0123456789abcdef";
    int kind = PyUnicode_KIND(u);
    const void *data = PyUnicode_DATA(u);
    Py_ssize_t i, len = PyUnicode_GET_LENGTH(u);
    char *q;
    a = reader_json_bound(a, len);
    z = reader_json_bound(z, len);
    if (z < a)
        z = a;
    if (reader_json_reserve(b, 6 * (z - a) + 2) < 0) /* the longest form of a character: \u00XX */
        return -1;
    q = b->p + b->n;
    *q++ = '"';
    for (i = a; i < z; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 0x80) {
            if (ch >= 0x20 && ch != '"' && ch != '\\') {
                *q++ = (char)ch;
                continue;
            }
            *q++ = '\\';
            switch (ch) {
            case '"': *q++ = '"'; break;
            case '\\': *q++ = '\\'; break;
            case '\n': *q++ = 'n'; break;
            case '\r': *q++ = 'r'; break;
            case '\t': *q++ = 't'; break;
            case '\b': *q++ = 'b'; break;
            case '\f': *q++ = 'f'; break;
            default:
                *q++ = 'u';
                *q++ = '0';
                *q++ = '0';
                *q++ = hex[ch >> 4];
                *q++ = hex[ch & 15];
            }
        } else if (ch < 0x800) {
            *q++ = (char)(0xc0 | (ch >> 6));
            *q++ = (char)(0x80 | (ch & 0x3f));
        } else if (ch < 0x10000) {
            if (ch >= 0xd800 && ch <= 0xdfff) {
                PyObject *piece = PyUnicode_Substring(u, a, z);
                if (piece != NULL) {
                    PyObject *encoded = PyUnicode_AsUTF8String(piece); /* raises UnicodeEncodeError */
                    Py_DECREF(piece);
                    Py_XDECREF(encoded);
                    if (encoded != NULL)
                        PyErr_SetString(PyExc_ValueError, "a surrogate the UTF-8 codec took");
                }
                return -1;
            }
            *q++ = (char)(0xe0 | (ch >> 12));
            *q++ = (char)(0x80 | ((ch >> 6) & 0x3f));
            *q++ = (char)(0x80 | (ch & 0x3f));
        } else {
            *q++ = (char)(0xf0 | (ch >> 18));
            *q++ = (char)(0x80 | ((ch >> 12) & 0x3f));
            *q++ = (char)(0x80 | ((ch >> 6) & 0x3f));
            *q++ = (char)(0x80 | (ch & 0x3f));
        }
    }
    *q++ = '"';
    b->n = q - b->p;
    return 0;
}

/* A str's UTF-8 as it is, unquoted (an int's or a float's repr, or JSON that json.dumps wrote). */
static int reader_json_raw(reader_json_buf *b, PyObject *s) {
    Py_ssize_t len;
    const char *utf8 = PyUnicode_AsUTF8AndSize(s, &len);
    if (utf8 == NULL || reader_json_reserve(b, len) < 0)
        return -1;
    memcpy(b->p + b->n, utf8, (size_t)len);
    b->n += len;
    return 0;
}

/* json.dumps(v, ensure_ascii=False) of a field's value for the types the detector gives (None, str,
 * int, finite float, bool): 0 when written; 1 when v is of another type (the caller writes
 * json.dumps's own text), -1 on failure. */
static int reader_json_value(reader_json_buf *b, PyObject *v) {
    if (v == Py_None)
        return reader_json_ascii(b, "null");
    if (PyUnicode_CheckExact(v))
        return reader_json_str(b, v, 0, PyUnicode_GET_LENGTH(v));
    if (PyLong_CheckExact(v)) {
        int overflow;
        long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
        if (x == -1 && PyErr_Occurred())
            return -1;
        if (!overflow)
            return reader_json_int(b, x);
        {
            PyObject *s = PyObject_Str(v);
            int r = s == NULL ? -1 : reader_json_raw(b, s);
            Py_XDECREF(s);
            return r;
        }
    }
    if (PyFloat_CheckExact(v)) {
        double d = PyFloat_AS_DOUBLE(v);
        if (d - d == 0.0) { /* finite: float.__repr__, as json writes it */
            PyObject *s = PyObject_Repr(v);
            int r = s == NULL ? -1 : reader_json_raw(b, s);
            Py_XDECREF(s);
            return r;
        }
        return 1;
    }
    if (v == Py_True)
        return reader_json_ascii(b, "true");
    if (v == Py_False)
        return reader_json_ascii(b, "false");
    return 1;
}
