// Fortran LAPACK symbols from Debian's liblapack-dev (reference LAPACK, column-major).
// Every argument is passed by pointer; each CHARACTER argument takes a trailing
// hidden `size_t` length (gfortran calling convention).
#ifndef HEADCOUNT_CLAPACK_SHIM_H
#define HEADCOUNT_CLAPACK_SHIM_H
#include <stddef.h>

/// Minimum-norm least squares via divide-and-conquer SVD (rank-deficient safe).
void dgelsd_(const int *m, const int *n, const int *nrhs, double *a, const int *lda,
             double *b, const int *ldb, double *s, const double *rcond, int *rank,
             double *work, const int *lwork, int *iwork, int *info);

/// Singular value decomposition, divide and conquer.
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda,
             double *s, double *u, const int *ldu, double *vt, const int *ldvt,
             double *work, const int *lwork, int *iwork, int *info, size_t jobz_len);

/// Cholesky factorisation of a symmetric positive-definite matrix.
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info, size_t uplo_len);

/// Solve with a Cholesky factor from dpotrf.
void dpotrs_(const char *uplo, const int *n, const int *nrhs, const double *a, const int *lda,
             double *b, const int *ldb, int *info, size_t uplo_len);

#endif
